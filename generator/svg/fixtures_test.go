package svg

// clusterReview is the neighbourhood of the Cluster Review event in the
// example site: its organizer, attendees and optional attendees, the
// artifacts inspected (and one also adapted) in it, and its cadence.
func clusterReview() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "events/cluster-review", Label: "Cluster Review", Type: "event", Href: "./"},
		{ID: "roles/cluster-product-owner", Label: "Cluster Product Owner", Abbr: "CPO", Type: "role", Href: "../../roles/cluster-product-owner/"},
		{ID: "roles/cluster-scrum-master", Label: "Cluster Scrum Master", Abbr: "CSM", Type: "role", Href: "../../roles/cluster-scrum-master/"},
		{ID: "roles/cluster-system-engineer", Label: "Cluster System Engineer", Abbr: "CSE", Type: "role", Href: "../../roles/cluster-system-engineer/"},
		{ID: "roles/stakeholder", Label: "Stakeholder", Type: "role", Href: "../../roles/stakeholder/"},
		{ID: "roles/nucleus-member", Label: "Nucleus Member", Type: "role", Href: "../../roles/nucleus-member/"},
		{ID: "roles/users-customers-and-sales", Label: "Users, Customers and Sales", Type: "role", Href: "../../roles/users-customers-and-sales/"},
		{ID: "artifacts/system-increment", Label: "System Increment", Type: "artifact", Href: "../../artifacts/system-increment/"},
		{ID: "artifacts/system-platform", Label: "System Platform", Type: "artifact", Href: "../../artifacts/system-platform/"},
		{ID: "artifacts/cluster-backlog", Label: "Cluster Backlog", Type: "artifact", Href: "../../artifacts/cluster-backlog/"},
		{ID: "artifacts/usable-knowledge-documented-decisions", Label: "Usable Knowledge & Documented Decisions", Type: "artifact", Href: "../../artifacts/usable-knowledge-documented-decisions/"},
		{ID: "cadences/inter-cycle-week", Label: "Inter-Cycle Week", Type: "cadence", Href: "../../cadences/inter-cycle-week/"},
	}
	const c = "events/cluster-review"
	edges := []Edge{
		{"roles/cluster-product-owner", c, "organizes"},
		{"roles/cluster-scrum-master", c, "attends"},
		{"roles/cluster-system-engineer", c, "attends"},
		{"roles/stakeholder", c, "attends"},
		{"roles/nucleus-member", c, "optionally attends"},
		{"roles/users-customers-and-sales", c, "optionally attends"},
		{"artifacts/system-increment", c, "is inspected in"},
		{"artifacts/system-platform", c, "is inspected in"},
		{"artifacts/cluster-backlog", c, "is inspected in"},
		{"artifacts/cluster-backlog", c, "is adapted in"},
		{"artifacts/usable-knowledge-documented-decisions", c, "is inspected in"},
		{c, "cadences/inter-cycle-week", "is part of"},
	}
	return nodes, edges
}

// clusterLevel is a small overview: a dozen pages of the cluster level
// of every built-in wiki type.
func clusterLevel() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "cpo", Label: "Cluster Product Owner", Abbr: "CPO", Type: "role", Href: "roles/cluster-product-owner/"},
		{ID: "csm", Label: "Cluster Scrum Master", Abbr: "CSM", Type: "role", Href: "roles/cluster-scrum-master/"},
		{ID: "cse", Label: "Cluster System Engineer", Abbr: "CSE", Type: "role", Href: "roles/cluster-system-engineer/"},
		{ID: "cmc", Label: "Cluster Management Circle", Type: "group", Href: "groups/cluster-management-circle/"},
		{ID: "cpog", Label: "Cluster Product Owner Group", Type: "group", Href: "groups/cluster-product-owner-group/"},
		{ID: "planning", Label: "Cluster Planning", Type: "event", Href: "events/cluster-planning/"},
		{ID: "review", Label: "Cluster Review", Type: "event", Href: "events/cluster-review/"},
		{ID: "refinement", Label: "Cluster Backlog Refinement", Type: "event", Href: "events/cluster-backlog-refinement/"},
		{ID: "backlog", Label: "Cluster Backlog", Type: "artifact", Href: "artifacts/cluster-backlog/"},
		{ID: "increment", Label: "System Increment", Type: "artifact", Href: "artifacts/system-increment/"},
		{ID: "cycle", Label: "Cluster Cycle", Type: "cadence", Href: "cadences/cluster-cycle/"},
		{ID: "icw", Label: "Inter-Cycle Week", Type: "cadence", Href: "cadences/inter-cycle-week/"},
		{ID: "market", Label: "Market & Business", Type: "area", Href: "areas/market-business/"},
	}
	edges := []Edge{
		{"cpo", "cmc", "is part of"},
		{"cpo", "cpog", "is a member of"},
		{"cpo", "backlog", "is responsible for"},
		{"cpo", "increment", "approves"},
		{"cpo", "planning", "organizes"},
		{"cpo", "review", "organizes"},
		{"cpo", "refinement", "organizes"},
		{"cpo", "market", "is in area"},
		{"csm", "cmc", "is part of"},
		{"csm", "planning", "attends"},
		{"csm", "review", "attends"},
		{"cse", "cmc", "is part of"},
		{"cse", "review", "attends"},
		{"cse", "refinement", "attends"},
		{"backlog", "refinement", "is adapted in"},
		{"backlog", "review", "is inspected in"},
		{"increment", "review", "is inspected in"},
		{"planning", "icw", "is part of"},
		{"review", "icw", "is part of"},
		{"cmc", "cycle", "works in"},
		{"icw", "cycle", "is part of"},
	}
	return nodes, edges
}

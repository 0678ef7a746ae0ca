package corpus

// The vocabulary titles are made of: an invented pump-and-plant maker that
// runs a scaled-agile process. These tables are read only.

// levels are the site's levels, lowest first, as site.toml lists them.
var levels = []string{"team", "cluster", "organisation"}

// levelWord starts the title of a level-specific page.
var levelWord = map[string]string{"team": "Team", "cluster": "Cluster", "organisation": "Portfolio"}

// domains are the product topics that qualify generated wiki titles.
var domains = []string{
	"Pump", "Valve", "Sensor", "Controller", "Portal", "Telemetry", "Billing", "Firmware",
	"Gateway", "Dosing", "Metering", "Cooling", "Filter", "Booster", "Actuator", "Dashboard",
	"Diagnostics", "Commissioning", "Calibration", "Inventory", "Service", "Field", "Cloud",
	"Mobile", "Analytics", "Compliance", "Safety", "Pricing", "Forecast", "Maintenance",
	"Alarm", "Pressure", "Energy", "Water", "Heating", "Leak", "Tank", "Motor", "Pipeline", "Drive",
}

// facets optionally narrow a generated wiki title.
var facets = []string{
	"Quality", "Release", "Integration", "Data", "Security", "Usability", "Platform", "Test",
	"Delivery", "Support", "Product", "Process", "Operations", "Hardware", "Software",
	"Documentation", "Regulatory", "Supplier", "Customer", "Migration",
}

// nouns end a generated wiki title, by page type.
var nouns = map[string][]string{
	"role": {"Owner", "Coach", "Engineer", "Architect", "Steward", "Analyst", "Designer", "Tester",
		"Champion", "Liaison", "Lead", "Mentor", "Specialist", "Planner", "Navigator", "Curator"},
	"group": {"Guild", "Circle", "Chapter", "Crew", "Council", "Forum", "Board", "Squad", "Community",
		"Collective", "Round Table", "Working Group", "Task Force", "Panel"},
	"event": {"Planning", "Review", "Sync", "Refinement", "Retrospective", "Demo", "Kick-off",
		"Walkthrough", "Clinic", "Drill", "Health Check", "Showcase", "Workshop", "Triage",
		"Sign-off", "Deep Dive"},
	"artifact": {"Backlog", "Roadmap", "Charter", "Checklist", "Increment", "Definition of Done",
		"Playbook", "Register", "Canvas", "Runbook", "Decision Log", "Risk Board", "Test Plan",
		"Release Notes", "Glossary", "Interface Catalogue"},
}

// tagWords are the tags pages carry; none is a page id.
var tagWords = []string{
	"diagnostics", "connectivity", "safety", "usability", "performance", "compliance",
	"onboarding", "reporting", "pricing", "security", "maintenance", "energy", "firmware",
	"hardware", "mobile", "analytics", "localisation", "integration", "documentation",
	"testing", "tooling", "logistics", "alarms", "calibration", "scaling", "migration",
	"accessibility", "billing", "governance", "forecasting",
}

// clusterNames and teamNames name the backlogs; they repeat with a number
// when a corpus needs more.
var (
	clusterNames = []string{"Pumps", "Valves", "Sensors", "Portal", "Metering", "Dosing", "Cooling",
		"Gateway", "Analytics", "Billing", "Heating", "Drives", "Tanks", "Filters", "Mobile", "Service"}
	teamNames = []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta",
		"Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau",
		"Upsilon", "Phi", "Chi", "Psi", "Omega"}
)

// system is a product that ships releases, with the short name its
// release ids start with and the major version of its first release.
type system struct {
	name, short string
	major       int
}

var systems = []system{
	{"Pump controller", "pump-ctrl", 2},
	{"Flow portal", "flow-portal", 1},
	{"Sensor hub", "sensor-hub", 4},
}

// variants are the market variants every system ships in.
var variants = []string{"EU", "US"}

// Item titles: a verb, a domain, an object and a qualifier, by kind.
var (
	featureVerbs = []string{"Show", "Export", "Upload", "Schedule", "Import", "Record", "Track",
		"Notify about", "Predict", "Compare", "Configure", "Archive", "Sign", "Share", "Filter",
		"Group", "Display", "Validate", "Synchronise", "Translate", "Summarise", "Limit", "Detect", "Plot"}
	changeVerbs      = []string{"Change", "Replace", "Rework", "Move", "Rename", "Split", "Merge", "Redesign"}
	improvementVerbs = []string{"Speed up", "Simplify", "Automate", "Harden", "Streamline", "Monitor", "Cache", "Clean up"}
	gapVerbs         = []string{"Find out how to handle", "Clarify the rules for", "Investigate", "Prototype", "Measure"}
	objects          = []string{"error logs", "pressure readings", "flow history", "alarm thresholds",
		"service contracts", "firmware images", "energy reports", "spare-part lists",
		"maintenance plans", "user roles", "sensor offsets", "tariff tables", "leak events",
		"audit trails", "device certificates", "pump curves", "setpoint changes", "warranty claims",
		"commissioning reports", "valve positions", "site maps", "dosing profiles", "shift handovers",
		"test results"}
	qualifiers = []string{"in the service portal", "on the mobile app", "for EU installations",
		"for US installations", "per site", "per device", "after a power cut", "during commissioning",
		"over the gateway", "in the field", "for key accounts", "every night", "on demand", "in bulk",
		"without a restart", "for offline devices", "as CSV", "by region", "with one click",
		"for service partners", "in the control room", "before shipping"}
	bugTails = []string{"lost after a restart", "shown in the wrong unit", "duplicated in reports",
		"missing for US devices", "rounded incorrectly", "listed out of order", "not saved",
		"rejected by the gateway", "stale after an update", "cut off in the export",
		"slow to load", "wrong after a time-zone change"}
)

// sources are who asked for an item.
var sources = []string{"service hotline", "field technicians", "key account EU", "sales US",
	"regulator audit", "support desk", "product management", "customer advisory board",
	"internal QA", "installer survey", "plant operators", "security review", "partner network"}

// Item numbers, by level: Fibonacci-like values and estimates.
var (
	values    = []int{1, 2, 3, 5, 8, 13, 20, 40, 100}
	estimates = map[string][]int{
		"team":         {1, 2, 3, 5, 8, 13},
		"cluster":      {3, 5, 8, 13, 20, 40},
		"organisation": {13, 20, 40, 100},
	}
)

// kindWeights gives each item kind its share, in percent.
var kindWeights = []struct {
	kind   string
	weight int
}{{"feature", 40}, {"change", 20}, {"bug", 20}, {"knowledge-gap", 10}, {"improvement", 10}}

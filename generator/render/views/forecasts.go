package views

import "github.com/backlight-wiki/backlight/generator/forecast"

// Forecasts are the forecasts from each backlog's own history
// (docs/forecasting.md): by backlog, item and release id, so that every
// language's pages find theirs.
type Forecasts struct {
	Percentiles []int   // as [forecast] percentiles gives them
	Confidence  float64 // [forecast] confidence: a release less likely to be done by its end is at risk
	Window      int     // [forecast] window: the complete iterations measured
	Unit        string  // [forecast] unit: forecast.Points or forecast.Items
	Backlogs    map[string]*BacklogForecast
	Items       map[string]*Dates // open items of a backlog with a basis
	Releases    map[string]*Dates // releases with open scope
}

// BacklogForecast is one backlog's: its throughput over the window, its
// velocities and the basis of its forecasts.
type BacklogForecast struct {
	*forecast.Forecast
	Declared float64 // the velocity declared in its _index.md; 0: none
	// From says what it was made from, so that the development server
	// makes anew only the forecasts of backlogs an edit changed.
	From string
}

// Dates are when an item or a release's open scope is done: the day for
// each percentile ("" when out of reach), on what basis, and, for a
// release with an end date, how likely by then.
type Dates struct {
	Basis       string
	Mixed       bool // a release whose parts are forecast on different bases; Basis is the weaker
	Days        map[int]string
	Confident   string   // the day by which it is done with [forecast] confidence; "" when out of reach
	Probability *float64 // the share of futures done by the release's end, an item's by its release's (0–1, two decimals); nil without an end
}

// AtRisk says whether a release is less likely than confidence to be
// done by its end.
func (d *Dates) AtRisk(confidence float64) bool {
	return d != nil && d.Probability != nil && *d.Probability < confidence
}

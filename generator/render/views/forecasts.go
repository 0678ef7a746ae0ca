package views

import (
	"math"
	"strconv"

	"github.com/backlight-wiki/backlight/generator/forecast"
)

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

// The forecasts' shapes in JSON, as model.json (content-model.md §7)
// and `backlight forecast --format json` give them.
type (
	// BacklogJSON is a backlog's throughput, velocities and basis.
	BacklogJSON struct {
		ID               string           `json:"id"`
		VelocityDeclared *float64         `json:"velocity_declared"`
		VelocityMeasured float64          `json:"velocity_measured"`
		Basis            string           `json:"basis"`
		Throughput       []ThroughputJSON `json:"throughput"`
	}
	// ThroughputJSON is one iteration's throughput.
	ThroughputJSON struct {
		Start  string  `json:"start"`
		End    string  `json:"end"`
		Items  int     `json:"items"`
		Points float64 `json:"points"`
	}
	// ReleaseForecastJSON is when a release's open scope is done.
	ReleaseForecastJSON struct {
		Basis          string             `json:"basis"`
		Dates          map[string]*string `json:"dates"`
		Probability    *float64           `json:"probability"`
		ConfidenceDate *string            `json:"confidence_date"`
		AtRisk         bool               `json:"at_risk"`
	}
)

// JSON is backlog id's forecast f in JSON.
func (f *BacklogForecast) JSON(id string) BacklogJSON {
	bj := BacklogJSON{ID: id, VelocityMeasured: Round(f.Velocity), Basis: f.Basis, Throughput: []ThroughputJSON{}}
	if f.Declared > 0 {
		bj.VelocityDeclared = &f.Declared
	}
	for _, t := range f.Throughput {
		bj.Throughput = append(bj.Throughput, ThroughputJSON{Start: ISODate(t.Start), End: ISODate(t.End), Items: t.Items, Points: Round(t.Points)})
	}
	return bj
}

// ReleaseJSON is release forecast d in JSON, at risk below confidence;
// nil for none.
func (d *Dates) ReleaseJSON(confidence float64) *ReleaseForecastJSON {
	if d == nil {
		return nil
	}
	rj := &ReleaseForecastJSON{Basis: d.Basis, Dates: DaysJSON(d.Days), Probability: d.Probability, AtRisk: d.AtRisk(confidence)}
	if d.Confident != "" {
		rj.ConfidenceDate = &d.Confident
	}
	return rj
}

// DaysJSON writes days by percentile, "" (out of reach) as null.
func DaysJSON(days map[int]string) map[string]*string {
	out := make(map[string]*string, len(days))
	for p, d := range days {
		if d != "" {
			out[strconv.Itoa(p)] = &d
		} else {
			out[strconv.Itoa(p)] = nil
		}
	}
	return out
}

// Round rounds as model.json does, to four decimals.
func Round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

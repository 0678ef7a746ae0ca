package backlog

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// defaultHorizon applies when settings give no horizon (content model §4).
const defaultHorizon = 3

// itemsPerIteration is how many items one iteration of horizon stands for
// when a backlog has no velocity.
const itemsPerIteration = 5

// maxIteration caps forecasts, so that a tiny velocity cannot overflow int.
const maxIteration = 1_000_000_000

// forecast sets each open item's forecast and horizon, and the backlog's
// velocity, counts, estimate, horizon end and health; it warns about
// horizon items that are not ready.
func (d *deriver) forecast(b *Backlog) {
	cfg := b.Page.Backlog
	if cfg.Velocity.Set && cfg.Velocity.Value > 0 {
		b.Velocity = cfg.Velocity.Value
	}
	b.IterationWeeks = d.s.IterationWeeks
	if cfg.IterationWeeks.Set && cfg.IterationWeeks.Value >= 1 {
		b.IterationWeeks = int(cfg.IterationWeeks.Value)
	}
	horizon := d.horizon()
	sum, open := 0.0, 0
	for _, it := range b.Items {
		b.tally(it)
		if it.Done || it.Dropped {
			continue
		}
		open++
		sum += it.Page.Item.Estimate.Value
		if b.Velocity > 0 {
			it.Forecast = iteration(sum, b.Velocity)
			if !d.s.Now.IsZero() {
				it.ForecastEnd = iterationEnd(d.s.Now, b.IterationWeeks, it.Forecast)
			}
			it.InHorizon = it.Forecast <= horizon
		} else {
			it.InHorizon = open <= horizon*itemsPerIteration
		}
	}
	b.HorizonEnd = horizonEnd(b.Items)
	b.Health = health(b.Items)
	for _, it := range b.Items {
		if it.InHorizon && !it.Ready {
			b.Warnings.Warnf(readinessPos(it.Page), "%s", d.needsRefinement(it))
		}
	}
}

// readinessPos is where a readiness warning points: at the status, which
// says whether an item is ready, or at the item's key when it has none.
func readinessPos(p *generator.Page) generator.Pos {
	for _, kp := range p.Keys {
		if kp.Key == "status" {
			return kp.Pos
		}
	}
	return p.Pos("id")
}

func (d *deriver) horizon() int {
	if d.s.Horizon > 0 {
		return d.s.Horizon
	}
	return defaultHorizon
}

// tally adds an item to the backlog's counts and estimate.
func (b *Backlog) tally(it *Item) {
	if s := it.Page.Item.Status; s != "" {
		b.Counts[s]++
	}
	if !it.Dropped {
		b.Estimate += it.Page.Item.Estimate.Value
	}
}

// iteration is the iteration in which sum points are finished at velocity
// points per iteration: the first is 1, and an exact multiple finishes in
// its own iteration. The tolerance keeps 0.1+0.2 points at 0.3 per
// iteration in iteration 1.
func iteration(sum, velocity float64) int {
	n := math.Ceil(sum/velocity - 1e-9)
	return int(min(max(n, 1), maxIteration))
}

// horizonEnd is the index of the first open item outside the horizon.
func horizonEnd(items []*Item) int {
	i := slices.IndexFunc(items, func(it *Item) bool { return !it.Done && !it.Dropped && !it.InHorizon })
	if i < 0 {
		return len(items)
	}
	return i
}

// health is the share of horizon items that are ready; 1 for no horizon.
func health(items []*Item) float64 {
	in, ready := 0, 0
	for _, it := range items {
		if it.InHorizon {
			in++
			if it.Ready {
				ready++
			}
		}
	}
	if in == 0 {
		return 1
	}
	return float64(ready) / float64(in)
}

// needsRefinement words the warning for a horizon item that is not ready:
// "CBI-214 is due in iteration 2 but has no acceptance criteria".
func (d *deriver) needsRefinement(it *Item) string {
	when := fmt.Sprintf("is due in iteration %d but", it.Forecast)
	if it.Backlog.Velocity == 0 {
		when = fmt.Sprintf("is ranked %s, inside the refinement horizon, but", ordinal(it.Rank))
	}
	return it.Key() + " " + when + " " + d.reasons(it)
}

// reasons says what an item lacks: `is still "idea" (ready statuses:
// ready, in-progress) and has no estimate or acceptance criteria`.
func (d *deriver) reasons(it *Item) string {
	var still string
	var lacks []string
	for _, m := range it.Missing {
		if m != "status" || it.Page.Item.Status == "" {
			lacks = append(lacks, m) // "status" comes first: "has no status or estimate"
		} else {
			still = fmt.Sprintf("is still %q (ready statuses: %s)", it.Page.Item.Status, strings.Join(d.s.Ready, ", "))
		}
	}
	var parts []string
	if still != "" {
		parts = append(parts, still)
	}
	if len(lacks) > 0 {
		parts = append(parts, "has no "+generator.OrList(lacks))
	}
	return strings.Join(parts, " and ")
}

// maxForecastDays keeps forecast dates within ten thousand years.
const maxForecastDays = 10_000 * 366

// iterationEnd is the last day of iteration n of weeks weeks each, the
// first starting on now's day.
func iterationEnd(now time.Time, weeks, n int) time.Time {
	days := min(float64(weeks)*7*float64(n), maxForecastDays)
	return day(now).AddDate(0, 0, int(days)-1)
}

package export

import (
	"slices"
	"testing"
)

func TestWeighedChunks(t *testing.T) {
	got := weighedChunks([]int{1, 1, 5, 1, 2, 2}, 4, func(w int) int { return w })
	want := [][]int{{1, 1}, {5}, {1, 2}, {2}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("weighedChunks: %v, want %v", got, want)
	}
}

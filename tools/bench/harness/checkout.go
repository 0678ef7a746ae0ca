package harness

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Roots are the Backlight checkouts a command measures, from a repeated
// -root flag (RootsFlag).
type Roots []string

func (r *Roots) String() string     { return strings.Join(*r, ",") }
func (r *Roots) Set(s string) error { *r = append(*r, s); return nil }

// RootsFlag declares the repeated -root flag: a checkout to measure, to
// compare an older commit's worktree with this one. Once parsed, the
// roots are those named, or this checkout (../.., from tools/bench).
func RootsFlag(fs *flag.FlagSet, what string) *Roots {
	rs := &Roots{}
	fs.Func("root", fmt.Sprintf("a Backlight `checkout` to %s; repeat to compare (default ../.., this one)", what), rs.Set)
	return rs
}

// OrThis is r, or this checkout when r names none.
func (r Roots) OrThis() Roots {
	if len(r) == 0 {
		return Roots{"../.."}
	}
	return r
}

// BenchmarkBuild runs the site package's BenchmarkBuild at pages pages in
// the checkout root, with TMPDIR on tmpfs where there is one, the test
// binary written to bin, and the go test flags extra (a profile, a
// trace).
func BenchmarkBuild(ctx context.Context, root string, pages int, benchtime, bin string, extra ...string) error {
	args := append([]string{"test", "./generator/site", "-run", "^$",
		"-bench", fmt.Sprintf("^BenchmarkBuild$/^%d$", pages), "-benchtime", benchtime, "-o", bin}, extra...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "TMPDIR="+TmpfsOrTemp())
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go test: %w\n%s", err, Tail(string(out), 20))
	}
	return nil
}

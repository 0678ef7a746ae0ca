package site

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// killChildEnv names the site a re-executed test binary builds, slowly,
// until its parent kills it.
const killChildEnv = "BACKLIGHT_TEST_SLOW_BUILD"

// TestSlowBuildChild is not a test of its own: it is the child process of
// TestBuildKilledPartWayLeavesThePublishedSiteIntact.
func TestSlowBuildChild(t *testing.T) {
	src := os.Getenv(killChildEnv)
	if src == "" {
		t.Skip("only runs as the child of TestBuildKilledPartWayLeavesThePublishedSiteIntact")
	}
	slow := func(done, total int) { time.Sleep(50 * time.Millisecond) } // seconds in all: ample time to be killed
	Build(context.Background(), Options{Source: src, Dest: filepath.Join(src, "public"), Progress: slow})
	t.Fatal("the parent should have killed this build")
}

func TestBuildKilledPartWayLeavesThePublishedSiteIntact(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	published := files(t, dest)
	edit(t, filepath.Join(src, "content", "roles", "developer.md"), func(s string) string { return s + "\nA change the killed build was publishing.\n" })

	child := exec.Command(os.Args[0], "-test.run=^TestSlowBuildChild$", "-test.count=1")
	child.Env = append(os.Environ(), killChildEnv+"="+src)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		staged, _ := filepath.Glob(filepath.Join(src, ".public.staging-*", "*"))
		if len(staged) > 0 {
			break // it is writing
		}
		if time.Now().After(deadline) {
			child.Process.Kill()
			child.Wait()
			t.Fatal("the child build never started writing")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	if err := child.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the child ended with %v, want killed", err)
	}
	assertSameTree(t, dest, published)
	if left, _ := filepath.Glob(filepath.Join(src, ".public.staging-*")); len(left) == 0 {
		t.Error("no staging folder left by the killed build: was it killed part-way?")
	}

	mustBuild(t, src, dest)
	assertNoStaging(t, src)
	page, _ := os.ReadFile(filepath.Join(dest, "roles", "developer", "index.html"))
	if !strings.Contains(string(page), "A change the killed build was publishing.") {
		t.Error("the next build did not publish the change")
	}
}

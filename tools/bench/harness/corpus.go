package harness

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/internal/corpus"
)

// corpusEnv, when set to "DIR,PAGES,SEED" in a command's environment, makes
// Main write that corpus and exit: how WriteCorpus runs in a child.
const corpusEnv = "BACKLIGHT_BENCH_WRITE_CORPUS"

// WriteCorpus writes the benchmark corpus of pages pages into dir, in a
// child process (the running command itself, which Main turns into a
// corpus writer), so that the memory it takes is not charged to the
// builds measured afterwards.
func WriteCorpus(ctx context.Context, dir string, pages int, seed uint64) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the running command: %w", err)
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s,%d,%d", corpusEnv, dir, pages, seed))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("write a corpus of %d pages to %s: %w\n%s", pages, dir, err, Tail(string(out), 20))
	}
	return nil
}

// writeCorpusChild is the child's side of WriteCorpus.
func writeCorpusChild(spec string) error {
	i := strings.LastIndexByte(spec, ',')
	j := strings.LastIndexByte(spec[:max(i, 0)], ',')
	if j < 0 {
		return fmt.Errorf("%s=%q: want DIR,PAGES,SEED", corpusEnv, spec)
	}
	pages, err1 := strconv.Atoi(spec[j+1 : i])
	seed, err2 := strconv.ParseUint(spec[i+1:], 10, 64)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("%s=%q: want DIR,PAGES,SEED", corpusEnv, spec)
	}
	_, err := corpus.Write(spec[:j], corpus.Options{Pages: pages, Seed: seed})
	return err
}

// TmpfsOrTemp is /dev/shm when it is a folder (a tmpfs on Linux, where
// builds measure the program rather than the disk), else the temporary
// folder.
func TmpfsOrTemp() string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		return "/dev/shm"
	}
	return os.TempDir()
}

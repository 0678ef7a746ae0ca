//go:build !unix

package site

// lockDest does nothing where flock is missing: two builds into one folder
// at once are then the user's to avoid.
func lockDest(parent, base string) (unlock func(), err error) {
	return func() {}, nil
}

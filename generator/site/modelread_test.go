package site

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// readModel reads the model export of the site in dest into v, as one
// document: model.json with the arrays of its chunk files concatenated.
func readModel(dest string, v any) error {
	var head map[string]json.RawMessage
	if err := readJSONFile(filepath.Join(dest, "model.json"), &head); err != nil {
		return err
	}
	var paths []string
	if err := json.Unmarshal(head["chunks"], &paths); err != nil {
		return fmt.Errorf("model.json chunks: %w", err)
	}
	merged := map[string][]json.RawMessage{}
	for _, p := range paths {
		var chunk map[string][]json.RawMessage
		if err := readJSONFile(filepath.Join(dest, filepath.FromSlash(p)), &chunk); err != nil {
			return err
		}
		for k, vs := range chunk {
			merged[k] = append(merged[k], vs...)
		}
	}
	for k, vs := range merged {
		data, err := json.Marshal(vs)
		if err != nil {
			return err
		}
		head[k] = data
	}
	data, err := json.Marshal(head)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func readJSONFile(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

package generator

import "testing"

func TestArticleAndOrList(t *testing.T) {
	tests := []struct{ got, want string }{
		{Article("item"), "an item"},
		{Article("event"), "an event"},
		{Article("role"), "a role"},
		{OrList(nil), ""},
		{OrList([]string{"a"}), "a"},
		{OrList([]string{"a", "b"}), "a or b"},
		{OrList([]string{"a", "b", "c"}), "a, b or c"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

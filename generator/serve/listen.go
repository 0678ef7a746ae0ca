package serve

import (
	"fmt"
	"net"
)

// Listen listens on the TCP address addr ("host:port"). An empty host
// means loopback, 127.0.0.1, not every interface as for net.Listen: the
// development server is reachable from other machines only when asked,
// with an explicit host such as "0.0.0.0:1313" or "[::]:1313". Port 0
// picks a free port; the listener's Addr says which.
func Listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("serve: listen on %q: %w", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return l, nil
}

#!/usr/bin/env python3
"""A misbehaving Dokploy for terminal-tests/hostile.sh.

Serves the version and an OpenAPI document properly; every `hostile.*` procedure misbehaves in
its own way. A second listener plays "another host" for the off-site redirect and records the
headers it saw. Writes "PORT OTHER_PORT" to the file named by argv[1] once listening.
"""
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROCS = ["badJson", "truncated", "reset", "silent", "halfHeaders", "trickle", "huge", "html500", "loop", "offsite"]
DOC = {
    "openapi": "3.1.0",
    "info": {"title": "Dokploy", "version": "1.0.0"},
    "paths": {**{f"/hostile.{p}": {"get": {}} for p in PROCS},
              "/settings.getDokployVersion": {"get": {}}, "/settings.getOpenApiDocument": {"get": {}}},
}
SEEN = sys.argv[2] if len(sys.argv) > 2 else "/dev/null"
OTHER_PORT = 0


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="application/json", extra=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def raw(self, data):
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/api/settings.getDokployVersion":
            return self.send(200, '"v0.25.0"')
        if path == "/api/settings.getOpenApiDocument":
            return self.send(200, json.dumps(DOC))
        name = path.rsplit(".", 1)[-1]
        if name == "badJson":
            return self.send(200, '{"projects": [1, 2,')
        if name == "truncated":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\": [1")
        if name == "reset":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n[{\"id\": 1")
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if name == "silent":
            time.sleep(30)
            self.close_connection = True
            return
        if name == "halfHeaders":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: applic")
            self.wfile.flush()
            time.sleep(30)
            self.close_connection = True
            return
        if name == "trickle":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[")
            self.wfile.flush()
            try:
                for _ in range(300):
                    time.sleep(0.1)
                    self.wfile.write(b"1,")
                    self.wfile.flush()
            except OSError:
                pass
            self.close_connection = True
            return
        if name == "huge":
            size = 2 << 20
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(b'"' + b"x" * (size - 2) + b'"')
            except OSError:
                pass
            self.close_connection = True
            return
        if name == "html500":
            page = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>" + "<p>boom</p>" * 300 + "</body></html>"
            return self.send(500, page, ctype="text/html")
        if name == "loop":
            return self.send(302, "", extra=[("Location", "/api/elsewhere" if path.endswith("loop") else "/api/hostile.loop")])
        if path == "/api/elsewhere":
            return self.send(302, "", extra=[("Location", "/api/hostile.loop")])
        if name == "offsite":
            return self.send(307, "", extra=[("Location", f"http://localhost:{OTHER_PORT}/api/hostile.offsite")])
        return self.send(404, '{"message":"Not found","code":"NOT_FOUND"}')


class Other(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(SEEN, "a") as f:
            for k, v in self.headers.items():
                f.write(f"{k}: {v}\n")
            f.write("--\n")
        body = b'[{"from": "the-other-host"}]'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    global OTHER_PORT
    ThreadingHTTPServer.daemon_threads = True
    main_srv = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    other = ThreadingHTTPServer(("127.0.0.1", 0), Other)
    OTHER_PORT = other.server_address[1]
    threading.Thread(target=other.serve_forever, daemon=True).start()
    with open(sys.argv[1], "w") as f:
        f.write(f"{main_srv.server_address[1]} {OTHER_PORT}\n")
    main_srv.serve_forever()


if __name__ == "__main__":
    main()

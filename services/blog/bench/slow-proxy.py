#!/usr/bin/env python3
"""A provider slowed on purpose, for compare.sh: forwards every request to TARGET (method, path, headers, body
unchanged, so the fragment signatures still verify) after DELAY milliseconds; GET /__bench_delay/<ms> changes the
delay while it runs. Usage: slow-proxy.py PORT TARGET_BASE_URL"""
import http.client
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TARGET = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2])
delay_ms = 0
lock = threading.Lock()


class Slow(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self):
        global delay_ms
        if self.path.startswith("/__bench_delay/"):
            with lock:
                delay_ms = int(self.path.rsplit("/", 1)[1])
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(delay_ms / 1000)
        upstream = http.client.HTTPConnection(TARGET.hostname, TARGET.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length")}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for k, v in answer.getheaders():
            if k.lower() not in ("connection", "content-length", "transfer-encoding"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        upstream.close()

    do_GET = do_POST = do_HEAD = forward


ThreadingHTTPServer(("127.0.0.1", PORT), Slow).serve_forever()

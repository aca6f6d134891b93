#!/usr/bin/env python3
"""A small HSDS 3.0 API on 127.0.0.1 for the importer's HTTP tests.

    hsds_api_server.py REQUEST_LOG

Prints its port on the first line of stdout once it listens. Serves /services in two pages
of minimal items (the full records at /services/{id}), /organizations in one page. Page 2 of
/services answers 500 the first time it is asked (a retry gets it); one item of page 2 is
not an object, and the full record of one service is not JSON. Every request path is
appended to REQUEST_LOG.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

ORG = "a0000000-0000-4000-8000-000000000001"
SERVICES = [f"a0000000-0000-4000-8000-00000000010{n}" for n in range(4)]
BROKEN = SERVICES[3]
LOCATION = "a0000000-0000-4000-8000-000000000201"

organization = {"id": ORG, "name": "API Org", "description": "From the API.", "website": "https://example.org",
                "locations": [{"id": LOCATION, "location_type": "physical", "name": "API Hall",
                               "addresses": [{"id": "a0000000-0000-4000-8000-000000000301", "address_1": "1 High Street",
                                              "city": "Leeds", "state_province": "", "postal_code": "LS1 1AA",
                                              "country": "GB", "address_type": "physical"}]}]}


def full_service(index, service_id):
    return {"id": service_id, "name": f"API service {index}", "status": "active", "organization_id": ORG,
            "service_at_locations": [{"id": f"a0000000-0000-4000-8000-00000000040{index}", "location_id": LOCATION}],
            "schedules": [{"id": f"a0000000-0000-4000-8000-00000000050{index}", "freq": "WEEKLY", "byday": "MO,WE",
                           "opens_at": "09:00", "closes_at": "17:00"}]}


def page(contents, number, pages):
    return {"total_items": 5, "total_pages": pages, "page_number": number, "size": len(contents),
            "first_page": number == 1, "last_page": number == pages, "empty": not contents, "contents": contents}


failed_once = set()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with open(sys.argv[1], "a") as log:
            log.write(self.path + "\n")
        url = urlparse(self.path)
        number = int(parse_qs(url.query).get("page", ["1"])[0])
        if url.path == "/organizations":
            return self.answer(200, page([{"id": ORG, "name": "API Org", "description": "From the API."}], 1, 1))
        if url.path == f"/organizations/{ORG}":
            return self.answer(200, organization)
        if url.path == "/services":
            if number == 1:
                return self.answer(200, page([{"id": SERVICES[0], "name": "API service 0", "status": "active"},
                                              {"id": SERVICES[1], "name": "API service 1", "status": "active"}], 1, 2))
            if number == 2:
                if 2 not in failed_once:
                    failed_once.add(2)
                    return self.answer(500, {"error": "try again"})
                return self.answer(200, page([{"id": SERVICES[2], "name": "API service 2", "status": "active"},
                                              "not a record",
                                              {"id": BROKEN, "name": "API service 3", "status": "active"}], 2, 2))
        for index, service_id in enumerate(SERVICES):
            if url.path == f"/services/{service_id}":
                if service_id == BROKEN:
                    return self.answer(200, b'{"id": "' + service_id.encode() + b'", "name": ')
                return self.answer(200, full_service(index, service_id))
        self.answer(404, {"error": "not found"})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

@testable import HTTPGateway
import Testing

/// `?page=&per_page=` of a listing.
@Suite struct PageRequestTests {
    func parse(_ page: String?, _ perPage: String?) -> PageRequest? {
        try? PageRequest.parse(page: page, perPage: perPage, defaultSize: 100, maximumSize: 1_000).get()
    }

    @Test func defaultsAndValues() {
        #expect(parse(nil, nil) == PageRequest(page: 1, perPage: 100))
        #expect(parse("3", "20") == PageRequest(page: 3, perPage: 20))
        #expect(parse("1", "1000") == PageRequest(page: 1, perPage: 1_000))
    }

    @Test func anythingElseIsRefused() {
        for (page, perPage) in [("0", nil), ("-1", nil), ("two", nil), ("", nil), (nil, "0"), (nil, "1001"), (nil, "ten")] as [(String?, String?)] {
            #expect(parse(page, perPage) == nil, "page \(String(describing: page)) per_page \(String(describing: perPage))")
        }
    }

    @Test func slicesStopAtTheEnd() {
        let items = Array(1...5)
        #expect(Array(PageRequest(page: 1, perPage: 2).slice(items)) == [1, 2])
        #expect(Array(PageRequest(page: 3, perPage: 2).slice(items)) == [5])
        #expect(PageRequest(page: 4, perPage: 2).slice(items).isEmpty)
        #expect(PageRequest(page: Int.max, perPage: 1_000).slice(items).isEmpty)
    }
}

import Foundation
import Model

/// `?page=&per_page=` of a listing: pages count from 1.
struct PageRequest: Sendable, Equatable {
    var page: Int
    var perPage: Int

    /// Nil values are the defaults; anything but a whole number in range is a 400.
    static func parse(page: String?, perPage: String?, defaultSize: Int, maximumSize: Int) -> Result<PageRequest, GatewayError> {
        var request = PageRequest(page: 1, perPage: defaultSize)
        if let page {
            guard let number = Int(page), number >= 1 else {
                return .failure(.badRequest("page must be a whole number from 1, not \"\(page)\""))
            }
            request.page = number
        }
        if let perPage {
            guard let number = Int(perPage), (1...maximumSize).contains(number) else {
                return .failure(.badRequest("per_page must be a whole number from 1 to \(maximumSize), not \"\(perPage)\""))
            }
            request.perPage = number
        }
        return .success(request)
    }

    /// This page's slice of `items` (empty past the end).
    func slice<Element>(_ items: [Element]) -> ArraySlice<Element> {
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow, start < items.count else { return [] }
        return items[start..<min(items.count, start + perPage)]
    }
}

/// One page of a listing, as `GET /{resource}` answers it.
struct EntryPage: Encodable {
    var items: [Entity]
    var page: Int
    var perPage: Int
    var total: Int

    var pages: Int { total == 0 ? 0 : (total - 1) / perPage + 1 }

    private enum CodingKeys: String, CodingKey {
        case items, page, perPage = "per_page", total, pages
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(page, forKey: .page)
        try container.encode(perPage, forKey: .perPage)
        try container.encode(total, forKey: .total)
        try container.encode(pages, forKey: .pages)
    }
}

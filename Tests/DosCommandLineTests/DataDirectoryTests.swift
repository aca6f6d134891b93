import DosCommandLine
import Testing

@Suite struct DataDirectoryTests {
    @Test func explicitBeatsEnvironmentBeatsXDGBeatsHome() {
        let environment = ["DOS_DATA_DIR": "/env/dos", "XDG_DATA_HOME": "/xdg", "HOME": "/home/steward"]
        #expect(DataDirectory.resolve(explicit: "/flag/dos", environment: environment) == "/flag/dos")
        #expect(DataDirectory.resolve(explicit: nil, environment: environment) == "/env/dos")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/h"]) == "/xdg/dos")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/steward"]) == "/home/steward/.local/share/dos")
    }

    @Test func relativeXDGDataHomeIsIgnoredAsTheSpecificationSays() {
        #expect(DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/dos")
    }

    @Test func relativeExplicitPathsBecomeAbsolute() {
        let resolved = DataDirectory.resolve(explicit: "some/dir/../data", environment: [:])
        #expect(resolved.hasPrefix("/"))
        #expect(resolved.hasSuffix("/some/data"))
    }
}

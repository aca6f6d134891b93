/// The xterm 256-colour palette above the sixteen named colours: a 6×6×6 colour cube
/// (16–231) and a 24-step gray ramp (232–255). The named sixteen are left out of the search
/// because every terminal paints them differently; the cube and ramp are the same everywhere.
enum XtermPalette {
    /// The six channel levels of the cube.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The colour xterm shows for a palette index from 16 to 255.
    static func rgb(ofIndex index: Int) -> RGB {
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return RGB(level, level, level)
        }
        let cube = index - 16
        return RGB(UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6]))
    }

    /// The index in 16...255 nearest to `rgb`: the nearest cube corner or the nearest gray,
    /// whichever is closer (the cube wins a tie).
    static func nearestIndex(to rgb: RGB) -> Int {
        let cubeIndex = 16 + 36 * nearestLevel(rgb.red) + 6 * nearestLevel(rgb.green) + nearestLevel(rgb.blue)
        let average = (Int(rgb.red) + Int(rgb.green) + Int(rgb.blue)) / 3
        let grayStep = min(23, max(0, (average - 8 + 5) / 10))
        let grayIndex = 232 + grayStep
        let cubeDistance = rgb.distanceSquared(to: self.rgb(ofIndex: cubeIndex))
        let grayDistance = rgb.distanceSquared(to: self.rgb(ofIndex: grayIndex))
        return grayDistance < cubeDistance ? grayIndex : cubeIndex
    }

    /// The cube level (0–5) nearest to one channel value.
    private static func nearestLevel(_ value: UInt8) -> Int {
        var best = 0
        for (level, levelValue) in cubeLevels.enumerated()
        where abs(levelValue - Int(value)) < abs(cubeLevels[best] - Int(value)) {
            best = level
        }
        return best
    }
}

import ArgumentParser
import Console
import DosCommandLine

/// `dos console`: the console alone, against a log whose services run elsewhere.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the full-screen console on the event log (the services run elsewhere: dos serve all).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: ConsoleFlags

    func run() async throws {
        guard ConsoleSetup.hasTerminal else { throw ValidationError("the console needs a terminal (stdin and stdout)") }
        var options: ConsoleOptions
        do {
            options = try ConsoleSetup.options(backend: global.backendDescription, flags: flags.setup)
            options.checkpointPath = global.consoleCheckpointPath
        } catch {
            throw ValidationError("\(error)")
        }
        let log = try global.openLog()
        do {
            try await ConsoleSession.run(log: log, options: options)
        } catch {
            await log.close()
            throw error
        }
        await log.close()
    }
}

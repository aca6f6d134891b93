import ArgumentParser

/// `dos log`: the raw event stream, for scripts and debugging (the kcat of dos).
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Publish CloudEvents to the stream, or tail it, as JSON lines.",
        subcommands: [LogPublishCommand.self, LogTailCommand.self])
}

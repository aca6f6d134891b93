import Hummingbird

/// A Hummingbird application on `host:port` that tells `onListening` the port it got (0 picks a
/// free one) and logs nothing itself: it calls the cancellation that stops it an error, and the
/// servers report through their own diagnostics instead.
func quietApplication<Responder: HTTPResponder>(
    responder: Responder, host: String, port: Int, serverName: String, onListening: @escaping @Sendable (Int) async -> Void
) -> Application<Responder> where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    var application = Application(
        responder: responder,
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) })
    application.logger.logLevel = .critical
    return application
}

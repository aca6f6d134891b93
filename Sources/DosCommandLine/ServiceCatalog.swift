import EventLog
import Foundation
import DataStore
import Notifications
import SagaCoordinator
import ServiceKit
import Validator

/// The services `dos serve` can run, by name.
public enum ServiceName: String, CaseIterable, Sendable {
    case validator, store, notifications, sagas
}

/// Builds the runners for a set of services on one log.
public enum ServiceCatalog {
    public static func handler(for name: ServiceName, dataDirectory: String) throws -> any MessageHandler {
        switch name {
        case .validator: ValidatorService()
        case .store: StoreService(database: try StoreDatabase(directory: URL(fileURLWithPath: dataDirectory)))
        case .notifications: NotificationService(database: try NotificationDatabase(directory: URL(fileURLWithPath: dataDirectory)))
        case .sagas: try SagaCoordinatorService(directory: URL(fileURLWithPath: dataDirectory))
        }
    }

    public static func host(
        for names: [ServiceName], log: any EventLog, dataDirectory: String, diagnostics: Diagnostics,
        options: ServiceRunner.Options = ServiceRunner.Options()
    ) throws -> ServiceHost {
        let runners = try names.map { name in
            ServiceRunner(handler: try handler(for: name, dataDirectory: dataDirectory), log: log, options: options, diagnostics: diagnostics)
        }
        return ServiceHost(runners: runners, diagnostics: diagnostics)
    }
}

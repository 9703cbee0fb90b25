import Foundation
import ParityCLI

exit(ParityCommand.main(Array(CommandLine.arguments.dropFirst())))

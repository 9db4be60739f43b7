/// The command line: which workloads, and how.
struct Options {
  /// The workloads the bench knows, in the order they run.
  enum Workload: String, CaseIterable {
    case w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11
  }

  /// The workloads to run (all when none is named).
  var workloads: [Workload] = []
  /// Smaller sizes and fewer repetitions, for a smoke run.
  var quick = false
  /// Only the JSON lines, no table.
  var jsonOnly = false

  /// The usage text.
  static let usage = """
    usage: gradstep-bench [w1] [w2] [w3] [w4] [w5] [w6] [w7] [w8] [w9] [w10] [w11] [--quick] [--json-only]
           gradstep-bench w4-child [--tb] FILE                           (used by w4)
           gradstep-bench w7-child [--idle] [--n N] [--no-retain-grad]   (used by w7)
           gradstep-bench w9-child [FILE]                                (used by w9)
    """

  /// Parses the arguments after the program name; the error is the message for the user.
  static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
    var options = Options()
    for argument in arguments {
      switch argument {
      case "--quick": options.quick = true
      case "--json-only": options.jsonOnly = true
      default:
        guard let workload = Workload(rawValue: argument.lowercased()) else {
          return .failure(UsageError(description: "unknown argument \(argument)\n\(usage)"))
        }
        if !options.workloads.contains(workload) { options.workloads.append(workload) }
      }
    }
    if options.workloads.isEmpty { options.workloads = Workload.allCases }
    return .success(options)
  }
}

/// A command line the bench does not understand.
struct UsageError: Error, CustomStringConvertible {
  /// The message, with the usage text.
  let description: String
}

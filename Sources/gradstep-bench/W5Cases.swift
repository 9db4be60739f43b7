import GraphProgram
import Stepping

/// What W5's step-cost and edit-cost cases share: the programs, loading one as `gradstep` does, and
/// reporting a case's JSON line or its failure.
enum W5Cases {
  /// The seed and the two big programs (1,000 functions with `quick`, else 5,000).
  static func programs(quick: Bool) -> [(name: String, functions: Int?, text: () throws -> String)] {
    let functions = quick ? 1_000 : 5_000
    return [
      ("seed", 3, W5Programs.seed),
      ("chain", functions, { W5Programs.chain(functions: functions) }),
      ("dag", functions, { W5Programs.dag(functions: functions) }),
    ]
  }

  /// The program of `text` and its session, built as `gradstep` builds them; throws when it does
  /// not parse or has another number of functions than `expectedFunctions`.
  static func session(of text: String, expectedFunctions: Int?) throws -> (Program, Session) {
    let program = try Program.parse(text)
    let session = Session(
      output: program.output, functionOrder: program.functionsInStatementOrder,
      inputs: program.inputs.map(\.variable))
    if let expectedFunctions, session.graph.functions.count != expectedFunctions {
      throw CheckFailure(
        description: "\(session.graph.functions.count) functions, expected \(expectedFunctions)")
    }
    return (program, session)
  }

  /// Runs one case for each program of `workload` (`label` names it on screen): `measure` fills
  /// in the JSON line and returns the one-line summary; a thrown error is reported as a failure.
  static func run(
    _ workload: String, label: String, quick: Bool, report: Report,
    measure: (_ program: (name: String, functions: Int?, text: () throws -> String), inout JSONLine) throws ->
      String
  ) {
    for program in programs(quick: quick) {
      var line = JSONLine()
      line["workload"] = .string(workload)
      line["fw"] = .string("gradstep")
      line["program"] = .string(program.name)
      line["functions"] = program.functions.map { .int($0) }
      let caseLabel =
        "\(label) \(program.name) (\(formatted(Double(program.functions ?? 0), places: 0)) functions)"
      do {
        let summary = try measure(program, &line)
        line["status"] = .string("ok")
        report.add(CaseResult(line: line, label: caseLabel, summary: summary))
      } catch {
        line["status"] = .string("failed")
        line["error"] = .string("\(error)")
        report.add(CaseResult(line: line, label: caseLabel, summary: "\(error)"))
      }
    }
  }
}

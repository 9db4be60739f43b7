import Foundation

// gradstep-bench: the peers' workloads W1–W4 on the Autodiff core and the layout, and our own W5–W9
// (step cost, start-up, memory, shared parameters, loading), one JSON line per case in the peers'
// format, then a table. Exits 1 when any case failed, 2 on a bad command line.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "w4-child": exit(W4Layout.child(Array(arguments.dropFirst())))
case "w7-child": exit(W7Memory.child(Array(arguments.dropFirst())))
case "w9-child": exit(W9Load.child(Array(arguments.dropFirst())))
default: break
}
let options: Options
switch Options.parse(arguments) {
case .success(let parsed): options = parsed
case .failure(let error):
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(2)
}
let report = Report(jsonOnly: options.jsonOnly)
for workload in options.workloads {
  switch workload {
  case .w1: W1SeedGraph.run(reps: options.quick ? 1_000 : 100_000, report: report)
  case .w2:
    W2DeepChain.run(
      lengths: options.quick ? [100, 1_000] : [1_000, 10_000, 100_000, 1_000_000], report: report)
  case .w3: W3FanOut.run(sizes: options.quick ? [100, 1_000] : [1_000, 10_000, 100_000], report: report)
  case .w4: W4Layout.run(sizes: options.quick ? [10, 100] : [10, 100, 1_000, 5_000], report: report)
  case .w5:
    W5StepCost.run(quick: options.quick, report: report)
    W5EditCost.run(quick: options.quick, report: report)
  case .w6: W6StartUp.run(runs: options.quick ? 5 : 21, report: report)
  case .w7: W7Memory.run(n: options.quick ? 100_000 : 1_000_000, report: report)
  case .w8: W8SharedParameters.run(plan: options.quick ? .quick : .full, report: report)
  case .w9: W9Load.run(quick: options.quick, report: report)
  case .w10: W10Model.run(runs: options.quick ? 1 : 5, report: report)
  case .w11: W11Rosenbrock.run(iterations: options.quick ? 100_000 : 1_000_000, report: report)
  }
}
report.finish()
exit(report.hasFailures ? 1 : 0)

import Autodiff

/// A session's steps, recorded by running the forward steps' record and then the gradient actions
/// on the graph's variables: each backward pass (a seed step, then one step per function) and each
/// `cleargrad`. The variables end with the gradients of the last action. A backward step leaves out
/// the graph's `gradientFree` variables, which end each pass with no grad, and a function of those
/// alone has no backward step.
struct Timeline {
  /// Every step after step 0.
  private(set) var steps: [Step] = []
  /// The step number of each pass's seed step, in pass order.
  private(set) var seedSteps: [Int] = []
  /// For each pass, the step that runs each function's backward (`Int.max` if none does).
  private(set) var backwardStepOf: [[Int]] = []
  /// The step number that ends each pass (its last step), with the checked inputs' grads then.
  private(set) var passEnds: [Int: [Tensor?]] = [:]
  private let graph: GraphModel
  private let checked: [Int]

  /// Records the timeline of `graph` (its forward pass already run) and `actions`; `checked` are the
  /// variables whose grads each pass's end keeps for its gradient check.
  init(graph: GraphModel, actions: [GradientAction], checked: [Int]) {
    self.graph = graph
    self.checked = checked
    for node in graph.variables { node.variable.cleargrad() }
    steps.reserveCapacity(2 * graph.functions.count + 1)
    for (position, function) in graph.functions.enumerated() {
      let changes = function.outputs.map {
        Step.Change(variable: $0, field: .data, old: nil, new: graph.variables[$0].variable.data)
      }
      steps.append(
        Step(kind: .forward(function: position), pass: 0, changes: changes, outputGrads: [], inputGrads: []))
    }
    for action in actions {
      switch action {
      case .backward: recordPass()
      case .cleargrad: recordClearing()
      }
    }
  }

  /// A `cleargrad` step: every gradient set to `nil`.
  private mutating func recordClearing() {
    var changes = [Step.Change]()
    for (index, node) in graph.variables.enumerated() {
      guard let old = node.variable.grad else { continue }
      changes.append(Step.Change(variable: index, field: .grad, old: old, new: nil))
      node.variable.cleargrad()
    }
    steps.append(
      Step(kind: .cleargrad, pass: seedSteps.count, changes: changes, outputGrads: [], inputGrads: []))
  }

  /// A backward pass: the seed step (after the first pass, it also frees the intermediates'
  /// gradients, as `retain_grad=False` would have), then one step per function.
  private mutating func recordPass() {
    let pass = seedSteps.count + 1
    var changes = [Step.Change]()
    if pass > 1 {
      for (index, node) in graph.variables.enumerated() where !node.isLeaf && index != graph.output {
        guard let old = node.variable.grad else { continue }
        changes.append(Step.Change(variable: index, field: .grad, old: old, new: nil))
        node.variable.cleargrad()
      }
    }
    let output = graph.variables[graph.output].variable
    let previous = output.grad
    output.cleargrad()
    var backward = BackwardPass(from: output)
    changes.append(Step.Change(variable: graph.output, field: .grad, old: previous, new: output.grad))
    steps.append(
      Step(kind: .seed(variable: graph.output), pass: pass, changes: changes, outputGrads: [], inputGrads: [])
    )
    seedSteps.append(steps.count)
    var stepOf = Array(repeating: Int.max, count: graph.functions.count)
    while let done = backward.next() {
      let position = graph.index(of: done.function)!
      let inputs = graph.functions[position].inputs
      // A function of constants alone (`running_var + eps`) has no backward step, as in PyTorch.
      if inputs.allSatisfy(graph.gradientFree.contains) { continue }
      let changes = inputs.indices.filter { !graph.gradientFree.contains(inputs[$0]) }.map {
        Step.Change(
          variable: inputs[$0], field: .grad, old: done.inputGradsBefore[$0], new: done.inputGradsAfter[$0])
      }
      steps.append(
        Step(
          kind: .backward(function: position), pass: pass, changes: changes, outputGrads: done.outputGrads,
          inputGrads: done.inputGrads))
      stepOf[position] = steps.count
    }
    backwardStepOf.append(stepOf)
    for index in graph.gradientFree { graph.variables[index].variable.cleargrad() }
    passEnds[steps.count] = checked.map { graph.variables[$0].variable.grad }
  }
}

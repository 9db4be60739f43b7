import Autodiff

/// The timeline of an Autodiff graph, and a cursor in it.
///
/// Step 0: only the inputs have data. Steps `1...forwardCount`: one per function in evaluation
/// order, each giving its outputs their data. Then one step seeds the output's grad with ones. Then
/// one backward step per function, driven by Autodiff's `BackwardPass`, each giving its inputs (or
/// adding to) their grads. The timeline stores what each step changed, not copies of the graph, so
/// moving the cursor costs only the changes of the steps it crosses.
public struct Session {
  /// The graph, numbered.
  public let graph: GraphModel
  /// Every step after step 0, in order; `steps[k - 1]` is step `k`.
  public let steps: [Step]
  /// The gradient check shown after the last step: backprop against central differences
  /// (eps 1e-6) for every element of the inputs, up to `gradientCheckLimit` elements. Computed on
  /// first use (each element replays the forward pass twice), then kept.
  public var gradientCheck: GradientCheck { check.value }
  private let check: DeferredGradientCheck
  /// The inputs the gradient check covers (indices into `graph.variables`), in argument order.
  public let checkedInputs: [Int]
  /// The current step, `0...stepCount`.
  public private(set) var cursor = 0
  /// How many edits of an input led to this timeline (0 for a program as written): the screen
  /// checks that the boxes still fit the values when it changes.
  public internal(set) var edition = 0
  /// For each function, the step that runs its backward (`stepCount + 1` if none does).
  let backwardStepOf: [Int]
  private var data: [Tensor?]
  private var grad: [Tensor?]

  /// How many gradient-check entries a session computes at most (each costs two forward replays).
  public static let gradientCheckLimit = 64

  /// Builds the timeline of the graph that produced `output`, whose forward pass has already run.
  ///
  /// Runs the backward pass (clearing any earlier gradients first), so afterwards every variable
  /// holds its gradient. `functionOrder` is the evaluation order when known (a program's statement
  /// order); `inputs` are the variables the gradient check covers (default: every leaf).
  public init(output: Variable, functionOrder: [Function]? = nil, inputs: [Variable]? = nil) {
    let graph = GraphModel(output: output, functionOrder: functionOrder)
    self.graph = graph
    for node in graph.variables { node.variable.cleargrad() }
    data = graph.variables.map { $0.isLeaf ? $0.variable.data : nil }
    grad = Array(repeating: nil, count: graph.variables.count)
    var steps = [Step]()
    steps.reserveCapacity(2 * graph.functions.count + 1)
    for (position, function) in graph.functions.enumerated() {
      let changes = function.outputs.map {
        Step.Change(variable: $0, field: .data, old: nil, new: graph.variables[$0].variable.data)
      }
      steps.append(
        Step(kind: .forward(function: position), changes: changes, outputGrads: [], inputGrads: []))
    }
    var pass = BackwardPass(from: output)
    steps.append(
      Step(
        kind: .seed(variable: graph.output),
        changes: [.init(variable: graph.output, field: .grad, old: nil, new: output.grad)],
        outputGrads: [], inputGrads: []))
    while let done = pass.next() {
      let position = graph.index(of: done.function)!
      let inputs = graph.functions[position].inputs
      let changes = inputs.indices.map {
        Step.Change(
          variable: inputs[$0], field: .grad, old: done.inputGradsBefore[$0], new: done.inputGradsAfter[$0])
      }
      steps.append(
        Step(
          kind: .backward(function: position), changes: changes, outputGrads: done.outputGrads,
          inputGrads: done.inputGrads))
    }
    var backwardStepOf = Array(repeating: steps.count + 1, count: graph.functions.count)
    for (position, step) in steps.enumerated() {
      if case .backward(let function) = step.kind { backwardStepOf[function] = position + 1 }
    }
    self.backwardStepOf = backwardStepOf
    self.steps = steps
    checkedInputs = inputs?.compactMap(graph.index(of:)) ?? graph.leaves
    let checked = checkedInputs.map { graph.variables[$0].variable }
    check = DeferredGradientCheck {
      Autodiff.gradientCheck(of: output, inputs: checked, limit: Session.gradientCheckLimit)
    }
  }

  /// How many elements of the checked inputs the gradient check left out (beyond its limit).
  public var uncheckedElementCount: Int {
    checkedInputs.reduce(0) { $0 + graph.variables[$1].variable.data.count } - gradientCheck.entries.count
  }

  /// The number of steps after step 0.
  public var stepCount: Int { steps.count }

  /// The step that ends the forward pass.
  public var forwardEnd: Int { graph.functions.count }

  /// The step the cursor is on, `nil` at step 0.
  public var currentStep: Step? { cursor == 0 ? nil : steps[cursor - 1] }

  /// Where the cursor is in the timeline.
  public var phase: Phase {
    switch cursor {
    case 0: return .start
    case stepCount: return .done
    case ...forwardEnd: return .forward
    case forwardEnd + 1: return .seed
    default: return .backward
    }
  }

  /// The function the current step ran, if any.
  public var activeFunction: Int? { currentStep?.function }

  /// Variable `index`'s data at the cursor, `nil` when not computed yet.
  public func data(of index: Int) -> Tensor? { data[index] }

  /// Variable `index`'s grad at the cursor, `nil` when no gradient has reached it yet.
  public func grad(of index: Int) -> Tensor? { grad[index] }

  /// Moves the cursor to `step` (clamped to `0...stepCount`), applying or undoing only the changes
  /// of the steps in between.
  public mutating func move(to step: Int) {
    let target = min(max(step, 0), stepCount)
    while cursor < target {
      for change in steps[cursor].changes { set(change.variable, change.field, change.new) }
      cursor += 1
    }
    while cursor > target {
      cursor -= 1
      for change in steps[cursor].changes.reversed() { set(change.variable, change.field, change.old) }
    }
  }

  private mutating func set(_ variable: Int, _ field: Step.Field, _ value: Tensor?) {
    switch field {
    case .data: data[variable] = value
    case .grad: grad[variable] = value
    }
  }
}

/// A gradient check run the first time it is asked for, shared by the copies of a session (all
/// of which would compute the same one).
private final class DeferredGradientCheck {
  private let run: () -> GradientCheck
  private(set) lazy var value = run()

  init(_ run: @escaping () -> GradientCheck) {
    self.run = run
  }
}

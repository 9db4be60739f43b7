import Autodiff

/// The timeline of an Autodiff graph, and a cursor in it.
///
/// Step 0: only the inputs have data. Steps `1...forwardCount`: one per function in evaluation
/// order, each giving its outputs their data. Then, for each backward pass (one unless the
/// program writes `backward` lines), one step seeds the output's grad with ones and one backward
/// step per function, driven by Autodiff's `BackwardPass`, gives its inputs (or adds to) their
/// grads; a `cleargrad` action is one step that clears every grad. The timeline stores what each
/// step changed, not copies of the graph, so moving the cursor costs only the changes of the steps
/// it crosses.
public struct Session {
  /// The graph, numbered.
  public let graph: GraphModel
  /// Every step after step 0, in order; `steps[k - 1]` is step `k`.
  public let steps: [Step]
  /// What the timeline does after the forward pass.
  public let actions: [GradientAction]
  /// The gradient check of the last backward pass: backprop against central differences
  /// (eps 1e-6) for every element of the inputs, up to `gradientCheckLimit` elements. Computed on
  /// first use (each element replays the forward pass twice), then kept.
  public var gradientCheck: GradientCheck { check(with: passEnds[passEnds.keys.max() ?? 0] ?? []) }
  private let check: DeferredGradientCheck
  /// The inputs the gradient check covers (indices into `graph.variables`), in argument order.
  public let checkedInputs: [Int]
  /// The current step, `0...stepCount`.
  public private(set) var cursor = 0
  /// How many edits of an input led to this timeline (0 for a program as written): the screen
  /// checks that the boxes still fit the values when it changes.
  public internal(set) var edition = 0
  /// The step number of each backward pass's seed step, in pass order.
  let seedSteps: [Int]
  /// For each pass, the step that runs each function's backward (`Int.max` if none does).
  private let backwardStepsOfPass: [[Int]]
  /// The last step of each pass, with the checked inputs' grads then.
  private let passEnds: [Int: [Tensor?]]
  private var data: [Tensor?]
  private var grad: [Tensor?]

  /// How many gradient-check entries a session computes at most (each costs two forward replays).
  public static let gradientCheckLimit = 64

  /// Builds the timeline of the graph that produced `output`, whose forward pass has already run.
  ///
  /// Runs `actions` (clearing any earlier gradients first), so afterwards every variable holds the
  /// gradient the last of them left. `functionOrder` is the evaluation order when known (a
  /// program's statement order); `inputs` are the variables the gradient check covers (default:
  /// every leaf); `derivations` says, for functions a program's `grad` recorded, where they come from;
  /// `origins`, for functions imported from a model file, the node each came from;
  /// `constantsTakeNoGradient`, for a model, makes the leaves outside `inputs` (its constants and
  /// buffers) and what is computed from them alone take no gradient, as in PyTorch (see
  /// `GraphModel.gradientFree`).
  public init(
    output: Variable, functionOrder: [Function]? = nil, inputs: [Variable]? = nil,
    actions: [GradientAction] = [.backward], derivations: [ObjectIdentifier: String] = [:],
    origins: [ObjectIdentifier: String] = [:], constantsTakeNoGradient: Bool = false
  ) {
    let graph = GraphModel(
      output: output, functionOrder: functionOrder, derivations: derivations, inputs: inputs,
      origins: origins,
      constantsTakeNoGradient: constantsTakeNoGradient)
    self.graph = graph
    self.actions = actions
    checkedInputs = inputs?.compactMap(graph.index(of:)) ?? graph.leaves
    let timeline = Timeline(graph: graph, actions: actions, checked: checkedInputs)
    steps = timeline.steps
    seedSteps = timeline.seedSteps
    backwardStepsOfPass = timeline.backwardStepOf
    passEnds = timeline.passEnds
    data = graph.variables.map { $0.isLeaf ? $0.variable.data : nil }
    grad = Array(repeating: nil, count: graph.variables.count)
    let checked = checkedInputs.map { graph.variables[$0].variable }
    check = DeferredGradientCheck {
      Autodiff.gradientCheck(of: output, inputs: checked, limit: Session.gradientCheckLimit)
    }
  }

  /// The gradient check shown at the cursor: at the last step of a backward pass, that pass's
  /// grads against central differences; `nil` elsewhere.
  public var gradientCheckAtCursor: GradientCheck? { passEnds[cursor].map(check(with:)) }

  /// The gradient check with `grads` (one per checked input) as the backprop values.
  private func check(with grads: [Tensor?]) -> GradientCheck {
    var result = check.value
    var element = [Int: Int]()
    for position in result.entries.indices {
      let input = result.entries[position].input
      let offset = element[input, default: 0]
      element[input] = offset + 1
      result.entries[position].backprop =
        grads.indices.contains(input) ? grads[input]?.scalars[offset] ?? 0 : 0
    }
    return result
  }

  /// The backward pass the cursor is in or after (0-based), `nil` before the first seed.
  var passAtCursor: Int? {
    seedSteps.lastIndex { $0 <= cursor }
  }

  /// The step that runs `function`'s backward in the cursor's pass (`Int.max` if none does).
  package func backwardStep(of function: Int) -> Int {
    backwardStepsOfPass.isEmpty ? Int.max : backwardStepsOfPass[passAtCursor ?? 0][function]
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
    guard let step = currentStep else { return .start }
    if cursor == stepCount { return .done }
    switch step.kind {
    case .forward: return .forward
    case .seed: return .seed
    case .backward: return .backward
    case .cleargrad: return .cleargrad
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

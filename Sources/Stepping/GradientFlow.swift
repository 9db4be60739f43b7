import Autodiff

/// Where the gradient went: for every input the gradient check covers (a model's input and
/// parameters, a program's inputs), in graph order, the norms of its data and grad at the cursor
/// and their ratio, marked when the gradient vanishes or explodes; and the first step of the
/// timeline, forward or backward, that produced a nan or an infinity.
public struct GradientFlow {
  /// How a parameter's gradient looks next to the others.
  public enum Mark: String, Sendable {
    /// Nothing to say.
    case none = ""
    /// Below `vanishingFactor` times the largest gradient norm.
    case vanishing
    /// Above `explodingRatio` times its data norm (or 1, whichever is larger), or not finite.
    case exploding
  }

  /// One parameter.
  public struct Row {
    /// The variable (an index into `GraphModel.variables`).
    public let variable: Int
    /// Its label.
    public let name: String
    /// Its shape.
    public let shape: [Int]
    /// The L2 norm of its data.
    public let dataNorm: Double
    /// The L2 norm of its grad at the cursor; `nil` before backward reaches it.
    public let gradNorm: Double?
    /// `gradNorm / dataNorm`; `nil` without a grad or with zero data.
    public var ratio: Double? {
      guard let gradNorm, dataNorm != 0 else { return nil }
      return gradNorm / dataNorm
    }
    /// Vanishing, exploding or neither.
    public let mark: Mark
  }

  /// The first step whose values include a nan or an infinity.
  public struct NonFinite: Equatable {
    /// The step number (1-based, as the title bar counts).
    public let step: Int
    /// What it set: `forward Exp set v3.data = inf`.
    public let description: String
  }

  /// A gradient this much smaller than the largest is marked vanishing.
  public static let vanishingFactor = 1e-6
  /// A gradient this much larger than its data (or than 1) is marked exploding.
  public static let explodingRatio = 1e3

  /// The parameters in graph order.
  public let rows: [Row]
  /// The first step that produced a nan or an infinity, `nil` when none did.
  public let firstNonFinite: NonFinite?

  /// The flow at `session`'s cursor.
  public init(session: Session) {
    let graph = session.graph
    let norms = session.checkedInputs.map { index in
      (
        index, Self.norm(session.data(of: index) ?? graph.variables[index].variable.data),
        session.grad(of: index).map(Self.norm)
      )
    }
    let largest = norms.compactMap { $0.2 }.filter(\.isFinite).max() ?? 0
    rows = norms.map { index, dataNorm, gradNorm in
      var mark = Mark.none
      if let gradNorm {
        if !gradNorm.isFinite || gradNorm > Self.explodingRatio * max(dataNorm, 1) {
          mark = .exploding
        } else if largest > 0, gradNorm < Self.vanishingFactor * largest {
          mark = .vanishing
        }
      }
      let node = graph.variables[index]
      return Row(
        variable: index, name: node.label, shape: node.variable.shape, dataNorm: dataNorm, gradNorm: gradNorm,
        mark: mark)
    }
    firstNonFinite = Self.firstNonFinite(in: session)
  }

  /// The L2 norm of a tensor's elements, scaled by the largest so that huge finite values do not
  /// overflow (nan or infinity when an element is).
  static func norm(_ tensor: Tensor) -> Double {
    let largest = tensor.scalars.reduce(0) { max($0, abs($1)) }
    guard largest.isFinite, largest > 0 else {
      return tensor.scalars.contains { $0.isNaN } ? .nan : largest
    }
    return largest * tensor.scalars.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
  }

  /// The first step that set a value holding a nan or an infinity.
  private static func firstNonFinite(in session: Session) -> NonFinite? {
    let graph = session.graph
    for (position, step) in session.steps.enumerated() {
      for change in step.changes {
        guard let value = change.new, value.scalars.contains(where: { !$0.isFinite }) else { continue }
        let bad = value.scalars.first { !$0.isFinite }!
        let what: String
        switch step.kind {
        case .forward(let function): what = "forward \(graph.functions[function].label)"
        case .backward(let function): what = "backward of \(graph.functions[function].label)"
        case .seed: what = "seed"
        case .cleargrad: what = "cleargrad"
        }
        let field = change.field == .data ? "data" : "grad"
        return NonFinite(
          step: position + 1,
          description:
            "\(what) set \(graph.variables[change.variable].label).\(field) to \(NumberFormat.short(bad))")
      }
    }
    return nil
  }
}

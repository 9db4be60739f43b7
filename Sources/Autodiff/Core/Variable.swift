/// A box for a value in a computation graph, as the seed's `Variable`: its `data`, the `grad` a
/// backward pass leaves in it, and the `creator` function that produced it.
public final class Variable {
  /// The value.
  public var data: Tensor
  /// The derivative of the backward pass's output with respect to this variable; `nil` until a
  /// backward pass reaches it.
  public var grad: Tensor?
  /// The function whose output this is; `nil` for an input (a leaf).
  public internal(set) var creator: Function?
  /// A label for screens and messages (`x`, `W`); `nil` when unnamed.
  public var name: String?
  /// How far this variable is from the inputs: 0 for a leaf, the creator's generation plus 1 otherwise.
  public internal(set) var generation: Int = 0

  /// A leaf variable holding `data`.
  public init(_ data: Tensor, name: String? = nil) {
    self.data = data
    self.name = name
  }

  /// A leaf variable holding the scalar `value`.
  public convenience init(_ value: Double, name: String? = nil) {
    self.init(Tensor(value), name: name)
  }

  /// The shape of `data`.
  public var shape: [Int] { data.shape }

  /// Records `function` as this variable's creator, as the seed's `set_creator`.
  func setCreator(_ function: Function) {
    creator = function
    generation = function.generation + 1
  }

  /// Forgets the gradient, so that a new backward pass starts from nothing (DeZero's `cleargrad`).
  public func cleargrad() {
    grad = nil
  }

  /// Runs a whole backward pass from this variable (see `BackwardPass`).
  ///
  /// When `grad` is `nil` it is seeded with ones of `data`'s shape first. With `retainGrad: false`
  /// the gradients of intermediate variables are freed once used, and only the leaves keep theirs.
  public func backward(retainGrad: Bool = true) {
    var pass = BackwardPass(from: self, retainGrad: retainGrad)
    while pass.next() != nil {}
  }

  /// Frees a long chain without recursing: releasing the last variable of a 1,000,000-function chain
  /// would otherwise release each creator from inside the previous release and overflow the stack.
  deinit {
    guard var first = creator else { return }
    creator = nil
    guard isKnownUniquelyReferenced(&first) else { return }
    var pending = [first]
    while let function = pending.popLast() {
      var inputs = function.detachInputs()
      for position in inputs.indices where isKnownUniquelyReferenced(&inputs[position]) {
        guard var next = inputs[position].creator else { continue }
        inputs[position].creator = nil
        if isKnownUniquelyReferenced(&next) { pending.append(next) }
      }
    }
  }
}

extension Variable: CustomStringConvertible {
  /// `variable(0.5)`, as DeZero prints a variable.
  public var description: String { "variable(\(data))" }
}

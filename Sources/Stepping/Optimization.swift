import Autodiff

/// An optimisation loop run on a graph, as DeZero's training loops run: each iteration replays the
/// forward pass on the current parameters, clears every gradient, runs the backward pass from the
/// output (the loss), then gives every parameter its new value at once. The passes run on the
/// graph's `Tape`, in its own variables: nothing is built per iteration.
///
/// Only the parameters and the loss of each iteration are kept, in flat arrays
/// (O(iterations × parameters)); an iteration's steps are rebuilt on demand by `session(at:like:)`,
/// which replays its forward and backward pass from its parameters.
public struct Optimization {
  /// The parameters' names, in the order the updates give their values.
  public let names: [String]
  /// The parameters' shapes.
  public let shapes: [[Int]]
  /// The parameters' numbers in the graph.
  public let parameters: [Int]
  /// How many iterations the loop was asked to run at most.
  public let requestedIterations: Int
  /// The loss at the start of each iteration, entries `0...iterationCount` (the last after the
  /// last update).
  public private(set) var losses: [Double] = []
  /// The parameters' elements of each entry, one entry after another.
  private var values: [Double] = []
  /// The number of elements of all parameters together.
  private let width: Int

  /// Runs up to `iterations` iterations on `graph` (whose forward pass has run), updating
  /// `parameters` (variable numbers in `graph`) with the values `update(i)` gives after the
  /// backward pass of iteration `i`, and stopping early before an iteration whose loss is below
  /// `stopBelow`. Leaves the graph holding the values after the last update, forward replayed.
  ///
  /// - Throws: what `update` throws (a non-finite step, say); the run stops there.
  public init(
    graph: GraphModel, parameters: [Int], names: [String], iterations: Int, stopBelow: Double? = nil,
    update: (Int) throws -> [Tensor]
  ) rethrows {
    self.names = names
    self.parameters = parameters
    shapes = parameters.map { graph.variables[$0].variable.shape }
    width = shapes.reduce(0) { $0 + Tensor.elementCount(of: $1) }
    requestedIterations = iterations
    let reserved = min(iterations, 1_000_000) + 1
    losses.reserveCapacity(reserved)
    values.reserveCapacity(reserved * width)
    let variables = parameters.map { graph.variables[$0].variable }
    let output = graph.variables[graph.output].variable
    let tape = graph.tape
    for iteration in 0...iterations {
      if iteration > 0 { tape.forward() }
      let loss = output.data.scalar ?? .nan
      losses.append(loss)
      for variable in variables {
        let data = variable.data
        if data.shape.isEmpty, let value = data.scalar {
          values.append(value)
        } else {
          values.append(contentsOf: data.scalars)
        }
      }
      if iteration == iterations { break }
      if let stopBelow, loss < stopBelow { break }
      tape.backward()
      let next = try update(iteration)
      for (variable, value) in zip(variables, next) { variable.data = value }
    }
  }

  /// The number of iterations run: the entries are `0...iterationCount`.
  public var iterationCount: Int { losses.count - 1 }

  /// Whether the loop stopped before its last iteration because the loss fell below the bound.
  public var stoppedEarly: Bool { iterationCount < requestedIterations }

  /// The parameters at the start of iteration `entry` (after the last update for the last entry).
  public func parameterValues(at entry: Int) -> [Tensor] {
    var offset = entry * width
    return shapes.map { shape in
      let count = Tensor.elementCount(of: shape)
      defer { offset += count }
      let scalars = Array(values[offset..<(offset + count)])
      return shape.isEmpty ? Tensor(scalars[0]) : Tensor(shape: shape, scalars: scalars)
    }
  }

  /// Element `element` of parameter `parameter` at every entry, in order (a parameter's path).
  public func path(of parameter: Int, element: Int = 0) -> [Double] {
    let offset = shapes[..<parameter].reduce(0) { $0 + Tensor.elementCount(of: $1) } + element
    return stride(from: offset, to: values.count, by: width).map { values[$0] }
  }

  /// Sets the parameters of `graph` to entry `entry`'s values and replays its forward pass.
  public func apply(_ entry: Int, to graph: GraphModel) {
    for (index, value) in zip(parameters, parameterValues(at: entry)) {
      graph.variables[index].variable.data = value
    }
    graph.replayForward()
  }
}

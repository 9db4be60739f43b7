/// A function that normalises its input along one axis and keeps its shape: the shared shape
/// logic of `Softmax` and `LogSoftmax`.
public class AxisNormalization: Function {
  /// The axis normalised over (negative counts from the end).
  public let axis: Int

  /// A normalisation along `axis`.
  public init(axis: Int) {
    self.axis = axis
  }

  /// The input's shape, when the axis is in range.
  override public final func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    _ = try Tensor.reducedShape(inputShapes[0], axes: [axis], keepDims: true, operation: name)
    return [inputShapes[0]]
  }
}

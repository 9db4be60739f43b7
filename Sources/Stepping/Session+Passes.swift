import Autodiff

extension Session {
  /// How many backward passes have added to the gradients at the cursor since they were last
  /// cleared (or since the start): 2 after a second `backward` without `cleargrad`.
  public var accumulatedPasses: Int {
    let lastClearing = steps[..<cursor].lastIndex { $0.kind == .cleargrad } ?? -1
    return seedSteps.filter { $0 - 1 > lastClearing && $0 <= cursor }.count
  }

  /// How many backward passes the timeline runs.
  public var passCount: Int { seedSteps.count }
}

print("gradstep-bench")

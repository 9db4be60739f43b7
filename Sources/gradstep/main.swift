print("gradstep")

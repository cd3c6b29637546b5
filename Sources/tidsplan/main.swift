print("tidsplan")

print("dok")

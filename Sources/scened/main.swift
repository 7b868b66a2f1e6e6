import BlueprintKit
print("scened")

import ParityCore

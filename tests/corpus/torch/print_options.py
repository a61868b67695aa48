# Expected output from real PyTorch (torch/_tensor_str.py set_printoptions): precision, threshold/edgeitems
# summarisation, sci_mode forced off and on (widths from the mode PyTorch picks), and profile="default".
import torch
torch.set_printoptions(precision=2)
print(torch.tensor([1 / 3, 2 / 3]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-5, 1.0]))
torch.set_printoptions(sci_mode=True)
print(torch.tensor([1.5, 2.0]))
torch.set_printoptions(threshold=5, edgeitems=2, sci_mode=None)
print(torch.arange(10))
torch.set_printoptions(profile="default")
print(torch.arange(10), torch.tensor([1 / 3]))

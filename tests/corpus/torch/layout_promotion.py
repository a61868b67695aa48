# oracle: torch
# contiguous / is_contiguous with preserve_format, is_set_to, torch.result_type / promote_types /
# can_cast, format() of tensors and int() / float() of a tensor with more than one element.
import torch


def attempt(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))


x = torch.ones(2, 3, 4, 5)
print(x.contiguous(memory_format=torch.preserve_format) is x, x.is_contiguous(memory_format=torch.preserve_format))
print(x.transpose(0, 1).is_contiguous(memory_format=torch.preserve_format))
attempt(lambda: x.transpose(0, 1).contiguous(memory_format=torch.preserve_format))
attempt(lambda: x.contiguous(memory_format=torch.channels_last).contiguous(memory_format=torch.preserve_format))

a = torch.arange(6.)
print(a.is_set_to(a), a.view(-1).is_set_to(a), a.view(2, 3).is_set_to(a), a[1:].is_set_to(a))
print(a.view(torch.int32).is_set_to(a), a.clone().is_set_to(a), a.detach().is_set_to(a))

i8 = torch.ones(2, dtype=torch.int8)
print(torch.result_type(i8, 2.5), torch.result_type(torch.tensor(1), i8), torch.result_type(torch.tensor(1.0, dtype=torch.float64), torch.ones(2, dtype=torch.float16)))
print(torch.result_type(2, 3.0), torch.result_type(2, True), torch.result_type(True, False), torch.result_type(1j, 1), torch.result_type(2.5, 1j))
print(torch.result_type(torch.ones(2, dtype=torch.uint8), -1), torch.result_type(torch.ones(2, dtype=torch.bool), 1), torch.result_type(torch.ones(2, dtype=torch.int32), 1j))
print(torch.result_type(torch.tensor(1j), torch.ones(2, dtype=torch.float64)), torch.result_type(torch.tensor([1.5], dtype=torch.float64), torch.ones(2)))
print(torch.result_type(2.5, torch.tensor(1, dtype=torch.int8)), torch.result_type(tensor=torch.ones(1), other=2))
print(torch.promote_types(torch.uint8, torch.int8), torch.promote_types(torch.bool, torch.float16), torch.promote_types(torch.bfloat16, torch.float16))
print(torch.promote_types(torch.int64, torch.float16), torch.promote_types(torch.complex64, torch.float64))
attempt(lambda: torch.promote_types(torch.float32, 1))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float16), torch.can_cast(torch.complex64, torch.float64))
print(torch.can_cast(torch.bool, torch.uint8), torch.can_cast(torch.int8, torch.bool), torch.can_cast(torch.bool, torch.bool))
attempt(lambda: torch.can_cast(torch.float32, 'a'))

print(f"{torch.tensor(1.5)} {torch.tensor(0.1)} {torch.tensor(3)} {torch.tensor(True)} {torch.tensor(1 + 2j)}")
print(f"{torch.tensor(0.1):.3f}|{torch.tensor(7):5d}|{torch.tensor([1.5])}")
attempt(lambda: format(torch.tensor([1.5]), '.2f'))
attempt(lambda: format(torch.tensor([[1.5]]), ''))
attempt(lambda: int(torch.tensor([1, 2])))
attempt(lambda: float(torch.tensor([])))
attempt(lambda: complex(torch.tensor([1., 2.])))
print(int(torch.tensor([[7]])), float(torch.tensor([2])))

# view / reshape inferring -1 next to a 0: only a tensor of 0 elements is "ambiguous".
attempt(lambda: torch.arange(12.).view(-1, 0))
attempt(lambda: torch.tensor(5.0).view(0, -1))
attempt(lambda: torch.tensor(5.0).reshape(0, -1))
attempt(lambda: torch.zeros(0).view(-1, 0))
attempt(lambda: torch.zeros(2, 0).reshape(0, -1))
print(torch.zeros(0, 3).view(-1, 3).shape, torch.arange(12.).reshape_as(torch.ones(2, 6)).stride(), torch.ones(2, 3).ndimension())

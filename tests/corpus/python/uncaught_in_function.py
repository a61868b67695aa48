# An uncaught exception raised two calls deep: stdout up to it, then the traceback's last line.
def inner(x):
    return x["missing"]

def outer():
    print("before")
    return inner({})

outer()
print("never")

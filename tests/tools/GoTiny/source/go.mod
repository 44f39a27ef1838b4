module gotiny

go 1.21

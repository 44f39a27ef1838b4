module fhebench/program

go 1.23

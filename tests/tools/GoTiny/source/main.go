package main

import "fmt"

func main() { fmt.Println("gotiny", 6*7) }

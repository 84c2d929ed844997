using Berth.Bench.Placement;

var options = BenchOptions.Parse(args);
return PlacementBenchmark.Run(options, Console.Out);

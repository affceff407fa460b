from prfaqgen.cli import main

main(prog_name="prfaqgen")

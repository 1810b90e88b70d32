dates --offsets summit.txt

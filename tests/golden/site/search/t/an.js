CLAIMCHECK_SEARCH.add("t:an",{"analyst":[15,47,17,55],"ani":[7,35,1,20,2,35,25,18],"announc":[18,21,1,20,15,30]});

CLAIMCHECK_SEARCH.add("t:pe",{"pentagon":[3,30,1,28,1,27,1,15,3,18,15,33,1,22]});

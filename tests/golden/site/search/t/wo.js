CLAIMCHECK_SEARCH.add("t:wo",{"work":[5,50],"worldwid":[17,47],"would":[8,36,10,35,1,34,15,14]});
